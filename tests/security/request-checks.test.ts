import { describe, expect, it } from "vitest";
import { hasMalformedPath, isForeignOrigin, isHttps } from "../../app/security/request-checks";

describe("request checks", () => {
  it("finds %-escapes that do not decode", () => {
    for (const path of ["/classroom/api/%ZZ", "/lessons/%ZZ", "/practice/%E0%A4%A", "/%", "/a%C3"]) {
      expect(hasMalformedPath(path)).toBe(true);
    }
    for (const path of ["/lessons/vpc-peering", "/a%20b", "/%E0%A4%A4"])
      expect(hasMalformedPath(path)).toBe(false);
  });

  it("refuses a state-changing request from another origin, allows same-origin and safe methods", () => {
    const headers = (values: Record<string, string>) =>
      new Headers({ host: "reachable.example:3000", ...values });
    expect(isForeignOrigin("POST", headers({ origin: "https://evil.example" }))).toBe(true);
    expect(isForeignOrigin("POST", headers({ origin: "null" }))).toBe(true);
    expect(isForeignOrigin("PUT", headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isForeignOrigin("POST", headers({ origin: "http://reachable.example:3000" }))).toBe(false);
    expect(isForeignOrigin("POST", headers({}))).toBe(false);
    expect(isForeignOrigin("GET", headers({ origin: "https://evil.example" }))).toBe(false);
  });

  it("knows HTTPS from the URL or from X-Forwarded-Proto", () => {
    expect(isHttps("https:", new Headers())).toBe(true);
    expect(isHttps("http:", new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps("http:", new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
  });
});
