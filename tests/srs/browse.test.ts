import { describe, expect, it } from "vitest";
import { setSuspended } from "../../lib/srs/card";
import { buryCard } from "../../lib/srs/card-change";
import { cardStatus, countByStatus, filterCards } from "../../lib/srs/browse";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { at, MINUTE, newCard, review, T0 } from "./fixtures";

const fresh = newCard("P1");
const learning = review(newCard("P2"), "good", T0).card;
const graduated = review(review(newCard("P3"), "good", T0).card, "good", at(T0, 10 * MINUTE)).card;
const relearning = review(graduated, "again", new Date(graduated.due)).card;
const suspended = setSuspended(newCard("can-a-reach-c:P3"), true);
const buried = buryCard(newCard("P4"), T0, DEFAULT_SRS_SETTINGS);
const deck = [fresh, learning, graduated, relearning, suspended, buried];
const now = at(T0, MINUTE);

describe("card browser", () => {
  it("gives each card the status that decides whether it comes up", () => {
    expect(deck.map((card) => cardStatus(card, now))).toEqual([
      "new",
      "learning",
      "review",
      "relearning",
      "suspended",
      "buried",
    ]);
    // Once the burial is over the card shows its FSRS state again.
    expect(cardStatus(buried, new Date(buried.buriedUntil ?? ""))).toBe("new");
  });

  it("counts every status, zero included", () => {
    expect(countByStatus(deck, now)).toEqual({
      new: 1,
      learning: 1,
      review: 1,
      relearning: 1,
      suspended: 1,
      buried: 1,
    });
    expect(countByStatus([], now)).toEqual({
      new: 0,
      learning: 0,
      review: 0,
      relearning: 0,
      suspended: 0,
      buried: 0,
    });
  });

  it("filters by status, by concept (family cards included) and by text in the ID or the rule", () => {
    const ids = (filter: Parameters<typeof filterCards>[1]) =>
      filterCards(deck, filter, now, (card) =>
        card.skillId === "P1" ? "Peering is not transitive" : "",
      ).map((card) => card.skillId);
    expect(ids({ status: "suspended" })).toEqual(["can-a-reach-c:P3"]);
    expect(ids({ conceptId: "P3" })).toEqual(["P3", "P3", "can-a-reach-c:P3"]);
    expect(ids({ query: "  TRANSITIVE " })).toEqual(["P1"]);
    expect(ids({ query: "reach" })).toEqual(["can-a-reach-c:P3"]);
    expect(ids({ conceptId: "P3", status: "relearning" })).toEqual(["P3"]);
    expect(ids({})).toHaveLength(deck.length);
  });
});
