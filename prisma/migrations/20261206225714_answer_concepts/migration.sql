-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "concepts" TEXT;

-- AlterTable
ALTER TABLE "SrsReview" ADD COLUMN "concepts" TEXT;

