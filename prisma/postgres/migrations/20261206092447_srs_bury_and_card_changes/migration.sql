-- AlterTable
ALTER TABLE "SrsCard" ADD COLUMN     "buriedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SrsCardChange" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,

    CONSTRAINT "SrsCardChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SrsCardChange_learnerId_skillId_idx" ON "SrsCardChange"("learnerId", "skillId");

-- AddForeignKey
ALTER TABLE "SrsCardChange" ADD CONSTRAINT "SrsCardChange_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

