import { parseFlowLogRecord } from "@/lib/net";

const FIELDS = [
  ["version", "version"],
  ["account-id", "accountId"],
  ["interface-id", "interfaceId"],
  ["srcaddr", "srcAddr"],
  ["dstaddr", "dstAddr"],
  ["srcport", "srcPort"],
  ["dstport", "dstPort"],
  ["protocol", "protocol"],
  ["packets", "packets"],
  ["bytes", "bytes"],
  ["start", "start"],
  ["end", "end"],
  ["action", "action"],
  ["log-status", "logStatus"],
] as const;

const PROTOCOLS: Record<number, string> = { 1: "ICMP", 6: "TCP", 17: "UDP", 58: "ICMPv6" };

/** A default-format (version 2) flow-log record with each field labelled, as the learner would read it. */
export function FlowLogRecord({ record }: { record: string }) {
  const parsed = parseFlowLogRecord(record);
  if (!parsed) throw new Error(`FlowLogRecord: "${record}" is not a version 2 record with 14 fields`);
  return (
    <figure className="flow-log" data-action={parsed.action}>
      <pre className="flow-log-line">
        <code>{record.trim()}</code>
      </pre>
      <dl className="flow-log-fields">
        {FIELDS.map(([label, key]) => (
          <div key={label} className={key === "action" ? `flow-log-action flow-log-${parsed.action.toLowerCase()}` : undefined}>
            <dt>{label}</dt>
            <dd>
              {String(parsed[key])}
              {key === "protocol" && PROTOCOLS[parsed.protocol] ? ` (${PROTOCOLS[parsed.protocol]})` : null}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
