// The lab's "Open" list names each lesson network for a learner, not by its file name: a short title of what the
// network shows, and the first lesson that draws it ("Transit gateway hub with three VPCs (lesson 9)"). Pure: the app reads the files and passes their text in.

/** What each example network shows, in a few words. A network missing here falls back to its file name. */
const NETWORK_TITLES: Readonly<Record<string, string>> = {
  "abc-peering-chain": "Peering chain A–B–C",
  "gateway-endpoint-from-peer": "Gateway endpoint seen from a peered VPC",
  "nacl-blocks-responses": "Network ACL that blocks the replies",
  "tgw-hub": "Transit gateway hub with three VPCs",
  "public-private-nat": "Public and private subnets with a NAT gateway",
  "ipv6-egress-only": "IPv6 through an egress-only internet gateway",
  "interface-endpoint-private-dns": "Interface endpoint with private DNS",
  "site-to-site-vpn": "Site-to-Site VPN with route propagation",
  "tgw-centralised-egress": "Transit gateway with centralised egress",
  "inspection-appliance": "Outbound inspection through a firewall appliance",
};

export type LessonSource = { readonly order: number; readonly title: string; readonly body: string };

export type LessonNetworkTitle = {
  readonly name: string;
  /** "Transit gateway hub with three VPCs" */
  readonly title: string;
  /** The first lesson (by order) that draws it, when one does. */
  readonly lesson: { readonly order: number; readonly title: string } | undefined;
  /** "Transit gateway hub with three VPCs (lesson 9)" */
  readonly label: string;
};

const TOPOLOGY_TAG = /<Topology\b[^>]*\bexample="([^"]+)"/g;

/** Each network's title and first lesson, ordered by that lesson (networks no lesson draws come last, by name). */
export function lessonNetworkTitles(
  names: readonly string[],
  lessons: readonly LessonSource[],
): LessonNetworkTitle[] {
  const firstLesson = new Map<string, { order: number; title: string }>();
  for (const lesson of [...lessons].sort((a, b) => a.order - b.order))
    for (const match of lesson.body.matchAll(TOPOLOGY_TAG)) {
      const name = match[1];
      if (name !== undefined && !firstLesson.has(name))
        firstLesson.set(name, { order: lesson.order, title: lesson.title });
    }
  return names
    .map((name): LessonNetworkTitle => {
      const title = NETWORK_TITLES[name] ?? name;
      const lesson = firstLesson.get(name);
      return {
        name,
        title,
        lesson,
        label: lesson ? `${title} (lesson ${lesson.order})` : title,
      };
    })
    .sort(
      (a, b) =>
        (a.lesson?.order ?? Infinity) - (b.lesson?.order ?? Infinity) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
}
