package dev.reload.samples.clinic.probes;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Uses the {@code DataSource} in its {@code @PreDestroy}: it must be destroyed before the
 * connection pool closes.
 *
 * @author reload-spring-boot
 */
@Component
class DatabaseAudit {

	private final JdbcTemplate jdbc;

	DatabaseAudit(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@PostConstruct
	void created() {
		Events.record("audit created");
	}

	int owners() {
		Integer count = this.jdbc.queryForObject("select count(*) from owners", Integer.class);
		return (count != null) ? count : -1;
	}

	@PreDestroy
	void destroyed() {
		Events.record("audit destroyed, owners=" + owners());
	}

}
