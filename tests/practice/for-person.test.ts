import { describe, expect, it } from "vitest";
import { forPerson } from "../../app/practice/for-person";

describe("forPerson", () => {
  it("replaces the field path and the field's name by the form's label, as a sentence", () => {
    expect(
      forPerson("desiredRetention: desiredRetention must be at most 0.99", {
        desiredRetention: "Desired retention",
      }),
    ).toBe("Desired retention must be at most 0.99.");
  });

  it("drops a field path it has no label for and keeps the advice", () => {
    expect(forPerson("sessionId: this practice session is no longer running; reload the page")).toBe(
      "This practice session is no longer running. Reload the page.",
    );
  });

  it("leaves a message without a field path as it is, apart from the full stop", () => {
    expect(forPerson("Could not reach the server. Nothing was lost; try again.")).toBe(
      "Could not reach the server. Nothing was lost. Try again.",
    );
  });
});
