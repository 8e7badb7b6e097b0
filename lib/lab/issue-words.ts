// A topology's parse errors in a learner's words, for the lab's status line: "internet gateway 2, id: must be
// text, not a list" instead of the validator's `internetGateways[1].id: Invalid input: expected string, received
// array`. The raw path stays in the list under the editor, where it points at the text.

/** Words for the validator's type names. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
  null: "empty",
  undefined: "missing",
};

/** Written as AWS writes them, whatever the camelCase split gives. */
const ACRONYMS: Readonly<Record<string, string>> = {
  vpc: "VPC",
  vpcs: "VPCs",
  nat: "NAT",
  acl: "ACL",
  acls: "ACLs",
  ipv4: "IPv4",
  ipv6: "IPv6",
  ip: "IP",
  ips: "IPs",
  cidr: "CIDR",
  eni: "ENI",
  enis: "ENIs",
  vpn: "VPN",
  dns: "DNS",
  id: "id",
  ids: "ids",
};

function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(" ")
    .map((word) => ACRONYMS[word] ?? word)
    .join(" ");
}

/** "internetGateways" -> "internet gateway" (one of a list), "vpcs" -> "VPC". */
function singular(key: string): string {
  const said = words(key);
  if (said.endsWith("VPCs") || said.endsWith("ACLs") || said.endsWith("ENIs")) return said.slice(0, -1);
  if (said.endsWith("sses")) return said.slice(0, -2);
  if (said.endsWith("ies")) return `${said.slice(0, -3)}y`;
  return said.endsWith("s") ? said.slice(0, -1) : said;
}

/** `internetGateways[1].id` -> "internet gateway 2, id"; a path it cannot read is quoted as it is. */
export function plainPath(path: string): string {
  const parts = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== path.replace(/\./g, ""))
    return `“${path}”`;
  const said: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const key = parts[i]?.[1];
    const next = parts[i + 1]?.[2];
    if (key === undefined) {
      said.push(`item ${Number(parts[i]?.[2]) + 1}`);
      continue;
    }
    if (next !== undefined) {
      said.push(`${singular(key)} ${Number(next) + 1}`);
      i += 1;
    } else said.push(i === 0 ? `field “${key}”` : words(key));
  }
  return said.join(", ");
}

/** The validator's message, plainly: "Invalid input: expected string, received array" -> "must be text, not a list". */
export function plainMessage(message: string): string {
  const typed = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (typed) {
    const [, expected = "", received = ""] = typed;
    if (received === "undefined") return `is missing (it must be ${TYPE_WORDS[expected] ?? expected})`;
    return `must be ${TYPE_WORDS[expected] ?? expected}, not ${TYPE_WORDS[received] ?? received}`;
  }
  const trimmed = message.replace(/^Invalid input: /, "");
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/** The validator's path of one `path: message` issue (`internetGateways[1].id`), if it has one. */
export function issuePath(issue: string): string | undefined {
  return /^([\w.[\]]+): /.exec(issue)?.[1];
}

/** One `path: message` issue as the lab lists it, in words. */
export function plainIssue(issue: string): string {
  const match = /^([\w.[\]]+): ([\s\S]*)$/.exec(issue);
  if (!match) return plainMessage(issue);
  const [, path = "", message = ""] = match;
  return `${plainPath(path)}: ${plainMessage(message)}`;
}

/** The status line for text that does not parse: how many problems, and the first one in words. */
export function textErrorStatus(error: string): string {
  const issues = error.split("; ").filter((issue) => issue !== "");
  const first = plainIssue(issues[0] ?? error);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more, listed under the editor)` : "";
  return `The text does not parse, so the network shown is the last one that did. First problem: ${first}${more}.`;
}
