import { z } from "zod";
import { username } from "./schema";

// What the browser may send to /account/api/passkey. The credential JSON is checked for its shape here; its
// content (signature, challenge, origin, counter) is verified by @simplewebauthn/server.

const base64url = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+$/, { error: "not base64url" });
const transports = z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(8);

const registration = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["cross-platform", "platform"]).exactOptional(),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.exactOptional(),
    transports: transports.exactOptional(),
    publicKeyAlgorithm: z.number().int().exactOptional(),
    publicKey: base64url.exactOptional(),
  }),
});

const authentication = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["cross-platform", "platform"]).exactOptional(),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.exactOptional(),
  }),
});

export const PasskeyRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("register-options") }),
  z.object({ action: z.literal("register"), credential: registration }),
  z.object({ action: z.literal("sign-in-options") }),
  z.object({ action: z.literal("sign-in"), credential: authentication }),
  // An account with a passkey and no password: options for the chosen username, then the new credential.
  z.object({ action: z.literal("sign-up-options"), username }),
  z.object({ action: z.literal("sign-up"), username, credential: registration }),
  z.object({ action: z.literal("remove"), id: base64url }),
]);

export type PasskeyRequest = z.infer<typeof PasskeyRequestSchema>;
