package benchkit

import "strings"

// The bench vocabulary (kept from the first search benchmark): a small set of
// skills and famous names, so every skill matches about a third of the
// resumes and every surname 1–2% of the candidates. It is the worst case for
// ranking: thousands of matches for every word.
var (
	commonWords = strings.Fields(`python go typescript rust java kotlin embeddings retrieval vector rerank chunking
	prompt prompting tokens budget latency streaming caching cache batch async queue retry backoff ratelimit
	evaluation evals golden regression grader judge nondeterminism temperature seed moderation safety
	function calling tools schema json agents orchestration finetuning dataset labeling distillation
	monitoring observability tracing dashboards alerts cost throughput kubernetes postgres redis kafka
	react svelte frontend backend platform infrastructure support chatbot assistant summarisation
	translation classification extraction search ranking recommendation analytics pipeline airflow
	mentoring leadership startup enterprise consulting research published speaker opensource maintainer`)

	commonFirst = strings.Fields(`Ada Grace Linus Margaret Alan Barbara Ken Frances Dennis Radia Tim Hedy Guido Katherine
	Bjarne Shafi Edsger Sophie Yukihiro Joan Leslie Mary Niklaus Anita Donald Karen John Lynn Rasmus Jean Brian
	Evelyn Carol Rob Adele Ward Cynthia James Ellen Chioma Mateo Aiko Dmitri Priya Sam Jonas Riley Noor Lena`)

	commonLast = strings.Fields(`Lovelace Hopper Torvalds Hamilton Turing Liskov Thompson Allen Ritchie Perlman Lamarr
	Johnson Stroustrup Goldwasser Dijkstra Wilson Matsumoto Clarke Lamport Shaw Wirth Borg Knuth McCarthy Conway
	Lerdorf Sammet Kernighan Berezin Diffie Pike Goldberg Cunningham Dwork Gosling Ullman Okoye Fernandez Tanaka
	Volkov Nair Okafor Weber Chen Haddad Silva Novak Kowalski`)
)

// The realistic vocabulary: many first and last names (a surname matches a
// few hundred candidates, a full name a handful) and skills drawn with a
// Zipf law, so a few are everywhere and most are rare.
var (
	realFirst = strings.Fields(`Aaliyah Abdul Adaeze Adrian Agnieszka Ahmed Aisha Akira Alejandro Aleksandra Alessia
	Alexei Alice Amara Amelie Amir Ana Anders Andrea Anika Anton Arjun Astrid Aurelio Ayesha Baptiste Beatriz Bilal
	Bjorn Bogdan Camille Carlos Caroline Catalina Cem Chiara Chidi Chloe Ciaran Clara Daan Dalia Damien Daniela
	Dariusz Deepika Diego Dilnoza Dorota Elif Elena Elias Emeka Emil Emma Enzo Esra Esther Fatima Felix Femi Fenna
	Filip Florian Freya Gabriel Giorgio Greta Hamza Hana Hannah Hassan Helga Hiroshi Hugo Ibrahim Ines Ingrid Ioana
	Isaac Ivan Jakub Javier Jelena Jia Joao Jorge Julia Junaid Kaito Kamala Karim Kasia Kemal Kenji Khadija Kofi
	Krisztina Lars Laura Leila Leon Liam Lina Lorenzo Luca Lucia Magnus Maja Malik Manon Marek Mariam Marta Matteo
	Mei Mehmet Mia Miguel Milan Mina Mohammed Nadia Naledi Nasser Nia Nikolai Nils Nina Oksana Olga Omar Oscar
	Paolo Paulina Pedro Petra Pilar Rafael Rahul Rania Ravi Rosa Ruben Ruth Saanvi Salma Samir Sara Sebastian
	Selin Sergei Siddharth Simone Sinead Sofia Soren Stefan Sunita Svetlana Tamar Tariq Teodor Thabo Theo Tomasz
	Ugo Valentina Vera Viktor Wanjiru Wei Xavier Yara Yasmin Yusuf Zainab Zara Zeynep Zoltan`)

	realLast = strings.Fields(`Abara Abdullah Achterberg Adeyemi Aguilar Ahlstrom Akhtar Albrecht Alvarez Amato
	Andersson Antonelli Arslan Asante Babic Bakker Balogun Banerjee Barbosa Bauer Becker Benali Bergstrom Bianchi
	Blanco Bondarenko Borowski Brennan Bui Caruso Castillo Cavanagh Celik Chatterjee Chaudhry Ciobanu Costa Cruz
	Dahl Dang Dasgupta Deschamps Diallo Dimitrov Dominguez Dubois Duarte Eriksen Esposito Estrada Farouk Fischer
	Fitzgerald Fontaine Fraser Friedrich Fujimoto Galli Garcia Gashi Gonzaga Gruber Guerrero Gunawardena Gupta
	Haas Halvorsen Hartmann Hashemi Herrera Hoang Horvath Huber Ibekwe Iglesias Ilic Ivanova Iwasaki Jaber Jansen
	Jaramillo Jovanovic Jung Kaczmarek Kahn Kamau Kapoor Karimi Kaya Keller Khalil Kim Kiplagat Kovac Kowalczyk
	Krause Kumar Kurt Lachance Larsen Laurent Lehmann Leone Lindqvist Lombardi Lopez Lund Luong Maalouf Madsen
	Mahlangu Maier Makarov Malhotra Mancini Marchetti Markovic Martins Medina Mehta Mendoza Meyer Moreau Morozov
	Mukherjee Muller Mwangi Nakamura Navarro Ndlovu Nguyen Nielsen Nikolaidis Nowak Nunez Obi Oduya Ogunleye Olsen
	Ortega Ozturk Padilla Pajari Papadopoulos Park Pavlovic Pereira Petrov Pham Pichler Pillai Popescu Quintero
	Rahman Ramos Rao Reddy Reyes Ricci Rinaldi Rodrigues Romano Rossi Ruiz Saad Sahin Salazar Santos Sato Schmid
	Schneider Schubert Sepulveda Serrano Shapiro Sharma Siddiqui Simonsen Singh Sokolov Sorensen Stavros Strand
	Suzuki Szabo Takahashi Tan Tavares Teixeira Tkachenko Toivonen Tran Trivedi Uchenna Urbano Valdez Varga Vasquez
	Vega Verhoeven Vidal Vogel Wagner Walczak Watanabe Wojcik Xu Yamamoto Yildiz Yilmaz Zamora Zhang Zielinski
	Zoric`)

	// In rough order of how often they appear on resumes (the Zipf rank).
	realSkills = strings.Fields(`javascript sql aws docker linux git html css nodejs agile scrum azure gcp terraform
	ansible jenkins graphql grpc protobuf nginx bash powershell django flask fastapi spring hibernate dotnet csharp
	cplusplus scala haskell elixir erlang clojure ocaml fsharp julia matlab fortran cobol perl ruby rails php laravel
	symfony vue angular nextjs nuxt remix webpack vite rollup esbuild babel jest vitest playwright cypress selenium
	pytest junit mockito gradle maven bazel cmake ninja llvm webassembly wasmtime emscripten opengl vulkan metal
	directx unity unreal godot blender figma sketch storybook tailwind sass less bootstrap jquery backbone ember
	svelte solidjs qwik htmx alpinejs deno bun cloudflare vercel netlify heroku fly openshift nomad consul vault
	istio linkerd envoy helm kustomize argocd flux tekton spinnaker prometheus grafana loki tempo jaeger zipkin
	opentelemetry datadog splunk elasticsearch opensearch kibana logstash fluentd vector clickhouse snowflake
	bigquery redshift databricks spark flink beam hadoop hive presto trino dbt dagster prefect luigi mlflow kubeflow
	sagemaker vertex pytorch tensorflow jax keras onnx tensorrt triton vllm llamaindex langchain haystack pinecone
	weaviate qdrant milvus chroma faiss pgvector mongodb cassandra scylladb dynamodb cockroachdb yugabyte neo4j
	dgraph arangodb couchdb rethinkdb sqlite duckdb timescaledb influxdb questdb memcached rabbitmq nats pulsar
	zeromq mqtt kinesis eventbridge lambda fargate ecs eks aks gke cloudrun appengine firebase supabase hasura
	prisma sequelize sqlalchemy alembic flyway liquibase keycloak okta auth0 oauth saml ldap kerberos wireguard
	openvpn tailscale ebpf dpdk xdp rdma infiniband cuda rocm opencl simd avx neon riscv arm verilog vhdl fpga
	embedded rtos zephyr freertos yocto buildroot uboot coreboot bluetooth zigbee lora modbus canbus autosar
	misra iso26262 do178 hipaa gdpr soc2 pci fedramp itil togaf cissp oscp pentest burp metasploit wireshark
	ghidra radare2 fuzzing afl libfuzzer syzkaller coq isabelle tlaplus alloy lean agda idris prolog datalog
	smalltalk lisp racket scheme forth apl kdb q mumps pascal delphi ada abap sap salesforce apex servicenow
	dynamics sharepoint tableau powerbi looker metabase superset quicksight excel vba latex markdown`)
)
