// Reads Nianbao's event topics as an integrator's Node.js consumer would, with stock libraries only: kafkajs (which
// decompresses gzip itself and no other codec without a plugin), the CloudEvents SDK's Kafka binding, and ajv for the
// JSON Schema each event names as its dataschema. Every record read must be a structured-mode CloudEvent that
// validates, and its data must validate against the schema fetched from the event's dataschema URI.
//
// Environment: KAFKA_BOOTSTRAP (host:port,...), EXPECTED_IDS (comma-separated CloudEvent ids that must be read before
// it stops), TIMEOUT_SECONDS (60). Prints one JSON line: {"read":n,"types":{type:count},"missing":[...],"failures":[...]};
// exits 1 when an expected event is missing or any record fails.
import { Kafka as KafkaJs, logLevel } from "kafkajs";
import { Kafka as CloudEventsKafka } from "cloudevents";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const TOPICS = ["nianbao.reports.v1", "nianbao.agencies.v1"];
const bootstrap = required("KAFKA_BOOTSTRAP").split(",");
const expected = new Set(required("EXPECTED_IDS").split(",").filter((id) => id.length > 0));
const timeoutMs = 1000 * Number(process.env.TIMEOUT_SECONDS ?? "60");

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validators = new Map(); // dataschema URI -> Promise of a compiled validator

const summary = { read: 0, types: {}, missing: [], failures: [] };
const seen = new Set();

const kafka = new KafkaJs({ clientId: "nianbao-event-consumer-check", brokers: bootstrap, logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId: `nianbao-event-consumer-check-${process.pid}-${Date.now()}` });
await consumer.connect();
await consumer.subscribe({ topics: TOPICS, fromBeginning: true });

let finish;
const finished = new Promise((resolve) => (finish = resolve));
const timer = setTimeout(finish, timeoutMs);
// a record it cannot read at all (a compression codec kafkajs lacks) crashes the consumer: that is a failure, now
consumer.on(consumer.events.CRASH, ({ payload }) => {
  summary.failures.push({ error: `the consumer crashed: ${payload.error?.name}: ${payload.error?.message}` });
  finish();
});

await consumer.run({
  eachMessage: async ({ topic, partition, message }) => {
    summary.read++;
    const where = { topic, partition, offset: message.offset, key: message.key?.toString() };
    try {
      const event = await check(message);
      summary.types[event.type] = (summary.types[event.type] ?? 0) + 1;
      seen.add(event.id);
    } catch (e) {
      summary.failures.push({ ...where, error: describe(e) });
    }
    if ([...expected].every((id) => seen.has(id))) {
      finish();
    }
  },
});

await finished;
clearTimeout(timer);
await consumer.disconnect();
summary.missing = [...expected].filter((id) => !seen.has(id));
console.log(JSON.stringify(summary));
process.exit(summary.missing.length === 0 && summary.failures.length === 0 ? 0 : 1);

/** One record, as the CloudEvents SDK's Kafka binding reads it; throws what is wrong with it. */
async function check(message) {
  // kafkajs hands header values over as Buffers; the binding's Message has them as strings
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()]));
  const event = CloudEventsKafka.toEvent({
    headers,
    key: message.key?.toString(),
    value: message.value?.toString(),
    timestamp: message.timestamp,
  });
  event.validate(); // the CloudEvents 1.0 attributes: required ones present, dataschema an absolute URI, time RFC 3339
  if (!event.dataschema) {
    throw new Error(`event ${event.id} of type ${event.type} has no dataschema`);
  }
  const validate = await validatorFor(event.dataschema);
  if (!validate(event.data)) {
    throw new Error(`data of ${event.id} does not match ${event.dataschema}: ${ajv.errorsText(validate.errors)}`);
  }
  return event;
}

function validatorFor(uri) {
  if (!validators.has(uri)) {
    validators.set(uri, (async () => {
      const response = await fetch(uri);
      if (response.status !== 200) {
        throw new Error(`GET ${uri} answered ${response.status}`);
      }
      return ajv.compile(await response.json());
    })());
  }
  return validators.get(uri);
}

function describe(e) {
  const errors = e?.errors ? ` ${JSON.stringify(e.errors)}` : "";
  return `${e?.name ?? "Error"}: ${e?.message ?? e}${errors}`;
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`set ${name}`);
    process.exit(2);
  }
  return value;
}
