import { describe, expect, it } from "vitest";
import { withArticle } from "../../lib/scenario/article";
import { lowerInitial } from "../../lib/scenario/lower-initial";

describe("withArticle", () => {
  it("uses 'an' before initialisms that start with a vowel sound and 'a' before words read as words", () => {
    expect(
      ["HTTPS", "HTTP 8080", "SSH", "S3", "IPv6", "MySQL", "PostgreSQL", "Redis", "NAT"].map(withArticle),
    ).toEqual([
      "an HTTPS",
      "an HTTP 8080",
      "an SSH",
      "an S3",
      "an IPv6",
      "a MySQL",
      "a PostgreSQL",
      "a Redis",
      "a NAT",
    ]);
  });
});

describe("lowerInitial", () => {
  it("lowers a sentence's first word but keeps acronyms and names", () => {
    expect(lowerInitial("A route 10.0.0.0/16 → pcx-1")).toBe("a route 10.0.0.0/16 → pcx-1");
    expect(lowerInitial("The only record is a REJECT")).toBe("the only record is a REJECT");
    expect(lowerInitial("VPC peering is not transitive")).toBe("VPC peering is not transitive");
    expect(lowerInitial("Amazon S3 is reached")).toBe("Amazon S3 is reached");
  });
});
