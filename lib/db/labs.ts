// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "./client";

// Saved labs. A lab is saved per learner under a name (saving the same name again replaces its text); its id
// is unguessable and is the share link: anyone holding it opens a read-only copy, only its learner writes it.

export type LabFormat = "yaml" | "json";

export type SavedLab = {
  readonly id: string;
  readonly name: string;
  readonly format: LabFormat;
  readonly text: string;
  readonly learnerId: string;
  readonly updatedAt: Date;
};

export type LabListing = { readonly id: string; readonly name: string; readonly updatedAt: Date };

/** 16 random bytes, base64url: the share link's secret. */
export function newLabId(): string {
  return randomBytes(16).toString("base64url");
}

const asFormat = (format: string): LabFormat => (format === "json" ? "json" : "yaml");

/** Saves (or replaces) the learner's lab of that name; returns its id, which stays the same on replace. */
export async function saveLab(
  db: Db,
  learnerId: string,
  lab: { readonly name: string; readonly format: LabFormat; readonly text: string },
  now: Date,
): Promise<string> {
  const saved = await db.lab.upsert({
    where: { learnerId_name: { learnerId, name: lab.name } },
    create: { id: newLabId(), learnerId, ...lab, createdAt: now, updatedAt: now },
    update: { format: lab.format, text: lab.text, updatedAt: now },
    select: { id: true },
  });
  return saved.id;
}

export type SaveOutcome =
  | { readonly ok: true; readonly id: string }
  /** The learner already has another lab of that name and did not say to replace it. */
  | { readonly ok: false; readonly existingId: string };

/**
 * Saves the lab unless that would silently replace a different lab of the learner's: replacing needs
 * `replace`, or `replaceId` naming the lab being replaced (saving the lab the learner opened, again).
 */
export async function saveLabUnlessTaken(
  db: Db,
  learnerId: string,
  lab: { readonly name: string; readonly format: LabFormat; readonly text: string },
  now: Date,
  consent: { readonly replace?: boolean | undefined; readonly replaceId?: string | undefined },
): Promise<SaveOutcome> {
  if (consent.replace !== true) {
    const existing = await db.lab.findUnique({
      where: { learnerId_name: { learnerId, name: lab.name } },
      select: { id: true },
    });
    if (existing && existing.id !== consent.replaceId) return { ok: false, existingId: existing.id };
  }
  return { ok: true, id: await saveLab(db, learnerId, lab, now) };
}

/** A lab by its share id (anyone's), or null. */
export async function findLab(db: Db, id: string): Promise<SavedLab | null> {
  const row = await db.lab.findUnique({
    where: { id },
    select: { id: true, name: true, format: true, text: true, learnerId: true, updatedAt: true },
  });
  return row ? { ...row, format: asFormat(row.format) } : null;
}

/** The learner's labs, most recently saved first. */
export async function listLabs(db: Db, learnerId: string, limit = 100): Promise<LabListing[]> {
  return db.lab.findMany({
    where: { learnerId },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, name: true, updatedAt: true },
  });
}

/** Deletes one of the learner's labs; another learner's id deletes nothing. */
export async function deleteLab(db: Db, learnerId: string, id: string): Promise<boolean> {
  return (await db.lab.deleteMany({ where: { id, learnerId } })).count > 0;
}
