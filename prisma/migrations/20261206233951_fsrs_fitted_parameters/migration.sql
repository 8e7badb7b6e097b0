-- AlterTable
ALTER TABLE "SrsReview" ADD COLUMN "fsrsParameters" TEXT;

-- AlterTable
ALTER TABLE "SrsSettings" ADD COLUMN "fsrsFit" TEXT;
ALTER TABLE "SrsSettings" ADD COLUMN "fsrsFittedAt" DATETIME;
ALTER TABLE "SrsSettings" ADD COLUMN "fsrsParameters" TEXT;

