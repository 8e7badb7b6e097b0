-- DropForeignKey
ALTER TABLE "Assignment" DROP CONSTRAINT "Assignment_ownerId_fkey";

-- DropForeignKey
ALTER TABLE "AssignmentSubmission" DROP CONSTRAINT "AssignmentSubmission_assignmentId_fkey";

-- DropForeignKey
ALTER TABLE "AssignmentSubmission" DROP CONSTRAINT "AssignmentSubmission_learnerId_fkey";

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "concepts" TEXT;

-- AlterTable
ALTER TABLE "SrsReview" ADD COLUMN     "concepts" TEXT;

-- DropTable
DROP TABLE "Assignment";

-- DropTable
DROP TABLE "AssignmentSubmission";

