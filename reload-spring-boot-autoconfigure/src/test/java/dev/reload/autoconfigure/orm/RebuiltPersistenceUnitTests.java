package dev.reload.autoconfigure.orm;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RebuiltPersistenceUnit} and {@link HibernateInternals}, on a real
 * Hibernate persistence unit over an in-memory H2 database whose schema
 * {@code create-drop} made: a rebuilt unit is reached through Spring's proxy once
 * applied, and by the building thread alone while beans are built; closing the replaced
 * unit keeps the schema and its rows, and closing the application drops it. These fail
 * when Spring's or Hibernate's private members that the swap needs change.
 *
 * @author reload-spring-boot
 */
class RebuiltPersistenceUnitTests {

	private final DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:rebuilt-unit;DB_CLOSE_DELAY=-1");

	private final JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

	private LocalContainerEntityManagerFactoryBean factoryBean;

	@BeforeEach
	void startUnit() {
		this.factoryBean = new LocalContainerEntityManagerFactoryBean();
		this.factoryBean.setDataSource(this.dataSource);
		this.factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		this.factoryBean.setManagedTypes(PersistenceManagedTypes.of(Note.class.getName()));
		this.factoryBean.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create-drop"));
		this.factoryBean.afterPropertiesSet();
		this.jdbc.update("insert into note (id, text) values (1, 'kept')");
	}

	@AfterEach
	void closeUnit() {
		this.factoryBean.destroy();
		this.jdbc.execute("drop all objects");
	}

	@Test
	void runningVersionsHaveWhatTheSwapNeeds() {
		assertThat(HibernateInternals.problem()).isNull();
	}

	@Test
	void appliedUnitIsReachedThroughSpringsProxyAndReplacedOneClosesKeepingTheSchema() {
		EntityManagerFactory proxy = this.factoryBean.getObject();
		SessionFactoryImplementor running = (SessionFactoryImplementor) this.factoryBean
			.getNativeEntityManagerFactory();
		RebuiltPersistenceUnit unit = RebuiltPersistenceUnit.build(this.factoryBean, getClass().getClassLoader());
		assertThat(rows()).as("building does not touch the schema").isEqualTo(1);
		unit.apply();
		SessionFactoryImplementor rebuilt = (SessionFactoryImplementor) this.factoryBean
			.getNativeEntityManagerFactory();
		assertThat(rebuilt).isNotSameAs(running);
		assertThat(proxy.unwrap(SessionFactoryImplementor.class)).isSameAs(rebuilt);
		unit.retire();
		assertThat(running.isClosed()).isTrue();
		assertThat(rows()).as("the replaced unit closed without dropping the schema").isEqualTo(1);
		EntityManager entityManager = proxy.createEntityManager();
		try {
			assertThat(entityManager.find(Note.class, 1L).getText()).isEqualTo("kept");
		}
		finally {
			entityManager.close();
		}
		this.factoryBean.destroy();
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.as("the application's shutdown drops the schema, as create-drop does")
			.isThrownBy(this::rows);
	}

	@Test
	void undoneUnitIsClosedAndTheRunningOneServesAgain() {
		SessionFactoryImplementor running = (SessionFactoryImplementor) this.factoryBean
			.getNativeEntityManagerFactory();
		RebuiltPersistenceUnit unit = RebuiltPersistenceUnit.build(this.factoryBean, getClass().getClassLoader());
		unit.apply();
		SessionFactoryImplementor rebuilt = (SessionFactoryImplementor) this.factoryBean
			.getNativeEntityManagerFactory();
		unit.undo();
		assertThat(this.factoryBean.getNativeEntityManagerFactory()).isSameAs(running);
		assertThat(rebuilt.isClosed()).isTrue();
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void whileBuildingOnlyTheBuildingThreadReachesTheRebuiltUnit() {
		EntityManagerFactory proxy = this.factoryBean.getObject();
		SessionFactoryImplementor running = (SessionFactoryImplementor) this.factoryBean
			.getNativeEntityManagerFactory();
		RebuiltPersistenceUnit unit = RebuiltPersistenceUnit.build(this.factoryBean, getClass().getClassLoader());
		unit.beginBuilding();
		try {
			assertThat(proxy.getMetamodel()).isNotSameAs(running.getMetamodel());
			assertThat(CompletableFuture.supplyAsync(proxy::getMetamodel).join()).isSameAs(running.getMetamodel());
		}
		finally {
			unit.endBuilding();
		}
		assertThat(this.factoryBean.getNativeEntityManagerFactory()).isSameAs(running);
		unit.discard();
	}

	private int rows() {
		return this.jdbc.queryForObject("select count(*) from note", Integer.class);
	}

}
