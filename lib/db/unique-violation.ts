// Prisma's P2002: a write broke a unique constraint (a join code, a name, an answer already given). Callers turn
// it into a refusal the person can act on instead of a server error.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
