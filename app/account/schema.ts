import { z } from "zod";

// What the browser may send to /account/api. Messages never repeat what was typed (a password must not come
// back in a response).
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;

export const username = z
  .string({ error: "enter a username" })
  .trim()
  .min(3, { error: "a username needs at least 3 characters" })
  .max(32, { error: "a username has at most 32 characters" })
  .regex(USERNAME_PATTERN, {
    error: "a username may use only letters, digits, dots, dashes and underscores",
  });

const newPassword = z
  .string({ error: "enter a password" })
  .min(10, { error: "a password needs at least 10 characters" })
  .max(200, { error: "a password has at most 200 characters" });

// Signing in checks only the length limit: a rule added later must not lock out an existing password.
const password = z
  .string({ error: "enter your password" })
  .min(1, { error: "enter your password" })
  .max(200, { error: "a password has at most 200 characters" });

export const AccountRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("sign-up"), username, password: newPassword }),
  z.object({ action: z.literal("sign-in"), username, password }),
  z.object({ action: z.literal("sign-out") }),
]);

export type AccountRequest = z.infer<typeof AccountRequestSchema>;
