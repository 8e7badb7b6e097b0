import { describe, expect, it } from "vitest";
import { relyingParty } from "../../app/account/passkey-service";

describe("the passkey relying party", () => {
  it("is the host the browser talks to, behind a proxy too, or the configured origin", () => {
    expect(
      relyingParty("http://localhost:3000/account/api/passkey", new Headers({ host: "localhost:3000" })),
    ).toEqual({
      id: "localhost",
      origin: "http://localhost:3000",
    });
    const proxied = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "tutor.example.org",
      "x-forwarded-proto": "https",
    });
    expect(relyingParty("http://10.0.0.5:3000/account/api/passkey", proxied)).toEqual({
      id: "tutor.example.org",
      origin: "https://tutor.example.org",
    });
    expect(relyingParty("http://10.0.0.5:3000/x", proxied, "https://vpc.example.com/some/path")).toEqual({
      id: "vpc.example.com",
      origin: "https://vpc.example.com",
    });
  });
});
