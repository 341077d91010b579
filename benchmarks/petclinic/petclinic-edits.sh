#!/usr/bin/env bash
# The edits a developer makes to Spring PetClinic itself, with this starter or with DevTools, each
# followed by `mvn compile` as a developer without an IDE runs it; prints, for each edit, the time
# from the end of the compile to the first response that shows it (and the starter's outcome), and
# the answers to requests made while each compile ran.
#
# Set-up, once, in a PetClinic checkout (github: spring-projects/spring-petclinic):
#   - in pom.xml: the parent at this project's Spring Boot version, the native-maven-plugin removed;
#   - pom-starter.xml and pom-devtools.xml: copies of it, with spring-boot-devtools replaced by
#     dev.reload:reload-spring-boot-starter:0.1.0-SNAPSHOT in the first (install this project's
#     autoconfigure and starter modules first: ./mvnw install -DskipTests -pl
#     reload-spring-boot-autoconfigure,reload-spring-boot-starter);
#   - mvn -f pom-starter.xml dependency:build-classpath -Dmdep.outputFile=cp-starter.txt, and the
#     same for devtools (cp-devtools.txt).
# Then: benchmarks/petclinic/petclinic-edits.sh PETCLINIC_DIR starter|devtools
# With WATCH=1 (starter only) the application runs with reload.mode=watch and no request is made
# during the compiles: each figure is the time to the reload the watcher applied, then checked.
# It resets PetClinic's src/ with git before and after.
set -uo pipefail
PC=$(cd "$1" && pwd)
TOOL=$2
PORT=${PORT:-8089}
LOG=${LOG:-/tmp/petclinic-$TOOL.log}
cd "$PC"
P=src/main/java/org/springframework/samples/petclinic
rm -f $P/system/InfoController.java
git checkout -q -- src

compile() {
	mvn -o -q -f pom-$TOOL.xml compile -Dcheckstyle.skip -Dspring-javaformat.skip=true >> "$LOG.build" 2>&1
}

# edit FILE OLD NEW: replace the first OLD in FILE by NEW (NEW may hold \n and \t)
edit() {
	python3 - "$1" "$2" "$3" <<'PY'
import sys
unescape = lambda text: text.replace('\\n', '\n').replace('\\t', '\t')
path, old, new = sys.argv[1], unescape(sys.argv[2]), unescape(sys.argv[3])
text = open(path).read()
if old not in text:
    sys.exit(path + ' does not contain ' + old)
open(path, 'w').write(text.replace(old, new, 1))
PY
}

outcome() {
	[ "$TOOL" = starter ] || return 0
	curl -s --max-time 10 "localhost:$PORT/actuator/reload" | python3 -c 'import json,sys; print(" (" + json.load(sys.stdin)["lastReload"]["outcome"] + ")")' 2>/dev/null
}

# class loader generations alive after a full GC (soft references too: jcmd does not clear them)
generations() {
	jcmd $APP GC.class_histogram | grep -E " dev.reload.autoconfigure.classloader.GenerationClassLoader$" | awk '{print $2}'
}

# the newest report's time: a reload applied with no request changes it
last_reload() {
	curl -s --max-time 5 "localhost:$PORT/actuator/reload" | python3 -c 'import json,sys; h=json.load(sys.stdin)["history"]; print(h[0]["timestamp"] if h else "none")' 2>/dev/null
}

# compile with requests flowing, then time the first response that shows MARKER
# measure NAME PATH MARKER [curl args]
during_total=0
during_failed=0
measure() {
	local name=$1 path=$2 marker=$3
	shift 3
	local stop=$(mktemp)
	local before
	[ "${WATCH:-}" = 1 ] && before=$(last_reload) && rm -f "$stop"
	# requests while it compiles
	( while [ -e "$stop" ]; do curl -s -o /dev/null --max-time 20 -w '%{http_code}\n' "localhost:$PORT/owners?lastName=" >> "$stop.codes"; sleep 0.05; done ) &
	local poller=$!
	compile
	local t0=$(date +%s%N)
	rm -f "$stop"
	wait $poller
	touch "$stop.codes"
	local asked=$(wc -l < "$stop.codes") failed=$(grep -vc '^200$' "$stop.codes")
	during_total=$((during_total + asked))
	during_failed=$((during_failed + failed))
	rm -f "$stop.codes"
	local end=$((SECONDS + 120))
	if [ "${WATCH:-}" = 1 ]; then
		# no request until the watcher has applied it (a restart answers nothing for a while);
		# a template is read on each request, with no reload
		local now checks=0 applied
		while [ -z "${NO_RELOAD:-}" ] && [ $SECONDS -lt $end ]; do
			now=$(last_reload)
			checks=$((checks + 1))
			[ -n "$now" ] && [ "$now" != "$before" ] && break
			sleep 0.02
		done
		applied="$(( ($(date +%s%N) - t0) / 1000000 )) ms to the watcher's reload$(outcome)"
		[ $checks = 1 ] && applied="applied before the compile ended$(outcome)"
		[ -n "${NO_RELOAD:-}" ] && applied="no reload"
		local response=$(curl -s --max-time 20 "$@" "localhost:$PORT$path")
		if echo "$response" | grep -q -- "$marker"; then
			echo "| $name | $applied; the next request new | |"
		else
			echo "| $name | $applied; the next request NOT new | |"
			echo "$response" > "$LOG.not-new"
		fi
		return 0
	fi
	while [ $SECONDS -lt $end ]; do
		if ! kill -0 $APP 2> /dev/null; then
			echo "| $name | the application has exited |"
			exit 1
		fi
		if curl -s --max-time 20 "$@" "localhost:$PORT$path" | grep -q -- "$marker"; then
			echo "| $name | $(( ($(date +%s%N) - t0) / 1000000 )) ms$(outcome) | $failed of $asked |"
			[ -n "${COUNT_GENERATIONS:-}" ] && echo "  generations alive after a full GC: $(generations)" >&2
			return 0
		fi
		sleep 0.02
	done
	echo "| $name | no new response in 120 s$(outcome) | $failed of $asked |"
}

# built before the start: a build while it starts rewrites the classes it reads
compile
MODE_ARG=
[ "${WATCH:-}" = 1 ] && MODE_ARG=--reload.mode=watch
java -Xmx1g ${JAVA_OPTS:-} -cp "target/classes:$(cat cp-$TOOL.txt)" org.springframework.samples.petclinic.PetClinicApplication \
	--server.port=$PORT --management.endpoints.web.exposure.include=* --spring.docker.compose.enabled=false $MODE_ARG > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; cd "$PC" && rm -f $P/system/InfoController.java && git checkout -q -- src && compile' EXIT
for t in $(seq 1 240); do curl -sf "localhost:$PORT/" > /dev/null && break; sleep 0.5; done
[ -n "${COUNT_GENERATIONS:-}" ] && echo "  generations alive after a full GC at the start: $(generations)" >&2
echo "| edit ($TOOL) | compile end → first new response | requests to /owners during the compile not answered 200 |"
echo "| --- | --- | --- |"

edit $P/system/WelcomeController.java '		return "welcome";' '		return "redirect:/owners/find";'
measure "welcome logic: / redirects to the owner search" "/" "Location: .*/owners/find" -i
edit $P/system/WelcomeController.java '		return "redirect:/owners/find";' '		return "welcome";'
measure "welcome logic back" "/" "<h2>Welcome</h2>"

edit $P/owner/OwnerController.java "int pageSize = 5;" "int pageSize = 3;"
measure "owners page size 5 → 3" "/owners?page=1" "page=4"

cat > $P/system/InfoController.java <<'JAVA'
package org.springframework.samples.petclinic.system;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InfoController {

	record Info(String name) {
	}

	@GetMapping("/info")
	Info info() {
		return new Info("petclinic");
	}

}
JAVA
measure "a new JSON endpoint with a new record" "/info" '"name":"petclinic"'

edit $P/owner/PetValidator.java "		// type validation" "		if (\"Rex\".equals(name)) {\n\t\t\terrors.rejectValue(\"name\", \"rex\", \"no more Rexes\");\n\t\t}\n\n\t\t// type validation"
measure "a validator rule" "/owners/1/pets/new" "no more Rexes" -d "name=Rex&birthDate=2020-01-01&type=dog"

edit $P/owner/Owner.java "	public String getTelephone() {" "	@jakarta.persistence.Transient\n\tpublic String getTag() {\n\t\treturn \"tag0\";\n\t}\n\n\tpublic String getTelephone() {"
edit $P/owner/OwnerController.java '	@GetMapping("/owners/find")' '	@GetMapping("/owners/tag")\n\t@org.springframework.web.bind.annotation.ResponseBody\n\tpublic String tag() {\n\t\treturn new Owner().getTag();\n\t}\n\n\t@GetMapping("/owners/find")'
measure "an entity @Transient helper, with the controller using it" "/owners/tag" "tag0"

edit $P/owner/OwnerRepository.java "	Optional<Owner> findById(Integer id);" "	Optional<Owner> findById(Integer id);\n\n\tjava.util.List<Owner> findByCity(String city);"
edit $P/owner/OwnerController.java '	@GetMapping("/owners/find")' '	@GetMapping("/owners/city/{city}")\n\t@org.springframework.web.bind.annotation.ResponseBody\n\tpublic String byCity(@PathVariable("city") String city) {\n\t\treturn "count " + this.owners.findByCity(city).size();\n\t}\n\n\t@GetMapping("/owners/find")'
measure "a repository query method, with an endpoint using it" "/owners/city/Madison" "count "

edit $P/vet/Vets.java "	public List<Vet> getVetList() {" "	public int getCount() {\n\t\treturn getVetList().size();\n\t}\n\n\tpublic List<Vet> getVetList() {"
measure "a DTO change (Vets gets a count)" "/vets" '"count":' -H "Accept: application/json"

edit src/main/resources/templates/welcome.html '<h2 th:text="#{welcome}">Welcome</h2>' '<h2 th:text="#{welcome}">Welcome</h2><p>edited</p>'
NO_RELOAD=1 measure "a template" "/" "<p>edited</p>"

edit $P/system/WebConfiguration.java 'interceptor.setParamName("lang");' 'interceptor.setParamName("language");'
measure "@Configuration: the locale parameter renamed" "/?language=es" "Bienvenido"

edit $P/vet/Vet.java "public class Vet extends Person {" "public class Vet extends Person {\n\n\tprivate String nickname;\n\n\tpublic String getNickname() {\n\t\treturn this.nickname;\n\t}\n"
edit src/main/resources/db/h2/schema.sql "  last_name  VARCHAR(30)
);
CREATE INDEX vets_last_name" "  last_name  VARCHAR(30),\n  nickname   VARCHAR(30)\n);\nCREATE INDEX vets_last_name"
sed -i "s/^\(INSERT INTO vets VALUES (default, '[^']*', '[^']*'\));/\1, 'nick');/" src/main/resources/db/h2/data.sql
# a request before the build has copied schema.sql and data.sql compiles Vet.java in-process
# and restarts with the old scripts; the copies restart it again
measure "a new entity column (the field, schema.sql, data.sql)" "/vets" '"nickname":"nick"' -H "Accept: application/json"

edit $P/system/InfoController.java 'new Info("petclinic")' 'new Info("four")'
edit $P/system/CrashController.java '"Expected: controller' '"Expected (four files): controller'
edit $P/vet/Vets.java "return getVetList().size();" "return getVetList().size() + 0;"
edit $P/owner/PetValidator.java '"no more Rexes"' '"no more Rexes (four)"'
measure "four files in one compile" "/info" '"name":"four"'

edit $P/vet/VetController.java "		this.vetRepository = vetRepository;" "		if (vetRepository != null) {\n\t\t\tthrow new IllegalStateException(\"a broken constructor\");\n\t\t}\n\t\tthis.vetRepository = vetRepository;"
compile
ok=0; bad=0; end=$((SECONDS + 5))
while [ $SECONDS -lt $end ]; do
	if [ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "localhost:$PORT/vets.html")" = 200 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
done
echo "| a throwing constructor: /vets.html for 5 s after the compile | $ok answered 200, $bad not$(outcome) |"
edit $P/vet/VetController.java "		if (vetRepository != null) {\n\t\t\tthrow new IllegalStateException(\"a broken constructor\");\n\t\t}\n" ""
edit $P/vet/Vets.java "return getVetList().size() + 0;" "return getVetList().size() + 1;"
measure "its fix" "/vets" '"count":7' -H "Accept: application/json"

times=()
for i in $(seq 1 20); do
	edit $P/system/InfoController.java "new Info(\"$( [ $i = 1 ] && echo four || echo run$((i - 1)) )\")" "new Info(\"run$i\")"
	# not in a subshell: measure counts the requests made while compiling
	measure "run $i" "/info" "\"name\":\"run$i\"" > "$LOG.line"
	times+=("$(sed -n 's/^| run [0-9]* | \([0-9]*\) ms.*/\1/p' "$LOG.line")")
	grep -q 'applied before the compile ended.*; the next request new' "$LOG.line" && before_end=$((${before_end:-0} + 1))
	grep -q 'NOT new' "$LOG.line" && cat "$LOG.line"
done
sorted=$(printf '%s\n' "${times[@]}" | sed '/^$/d' | sort -n)
[ "${WATCH:-}" = 1 ] && echo "| a controller edit, 20 in a row | ${before_end:-0} of 20 applied by the watcher before the compile ended and new on the next request$(outcome) |" || echo "| a controller edit, 20 in a row | median $(echo "$sorted" | sed -n 10p)–$(echo "$sorted" | sed -n 11p) ms (min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1))$(outcome) |"
echo "| requests to /owners while the compiles ran | $during_total, of which $during_failed not 200 |"
if [ "$TOOL" = starter ]; then
	echo -n "generations alive after a full GC: "
	generations
fi
