// VPC flow-log format: the default (version 2) format, in order. NODATA and SKIPDATA records carry `-` in the
// traffic fields, so this reads the line field by field instead of requiring an OK record.
const FIELDS = [
  "version",
  "account-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
] as const;

const PROTOCOLS: Record<number, string> = { 1: "ICMP", 6: "TCP", 17: "UDP", 58: "ICMPv6" };

/** A default-format (version 2) flow-log record with each field labelled, as the learner would read it. */
export function FlowLogRecord({ record }: { record: string }) {
  const values = record.trim().split(/\s+/);
  if (values.length !== FIELDS.length || values[0] !== "2") {
    throw new Error(`FlowLogRecord: "${record}" is not a version 2 record with ${FIELDS.length} fields`);
  }
  const action = values[12] ?? "-";
  const protocol = Number(values[7]);
  return (
    <figure className="flow-log" data-action={action}>
      <pre className="flow-log-line scroll-region" tabIndex={0} aria-label="Flow-log record">
        <code>{record.trim()}</code>
      </pre>
      <dl className="flow-log-fields">
        {FIELDS.map((label, index) => (
          <div
            key={label}
            className={
              label === "action" && action !== "-"
                ? `flow-log-action flow-log-${action.toLowerCase()}`
                : undefined
            }
          >
            <dt>{label}</dt>
            <dd>
              {values[index]}
              {label === "protocol" && PROTOCOLS[protocol] ? ` (${PROTOCOLS[protocol]})` : null}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
