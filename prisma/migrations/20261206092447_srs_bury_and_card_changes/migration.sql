-- AlterTable
ALTER TABLE "SrsCard" ADD COLUMN "buriedUntil" DATETIME;

-- CreateTable
CREATE TABLE "SrsCardChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    CONSTRAINT "SrsCardChange_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SrsCardChange_learnerId_skillId_idx" ON "SrsCardChange"("learnerId", "skillId");

