-- CreateTable
CREATE TABLE "StudySession" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "seed" OID,
    "deadline" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StudySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SrsCard" (
    "learnerId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "lastReview" TIMESTAMP(3),
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "SrsCard_pkey" PRIMARY KEY ("learnerId","skillId")
);

-- CreateTable
CREATE TABLE "SrsReview" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "rating" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "timeTakenMs" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionSeed" TEXT NOT NULL,
    "predictedRecall" DOUBLE PRECISION,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "maximumIntervalDays" INTEGER NOT NULL,
    "before" TEXT NOT NULL,
    "nextDue" TIMESTAMP(3) NOT NULL,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "SrsReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SrsSettings" (
    "learnerId" TEXT NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "newCardsPerDay" INTEGER NOT NULL,
    "maximumIntervalDays" INTEGER NOT NULL,

    CONSTRAINT "SrsSettings_pkey" PRIMARY KEY ("learnerId")
);

-- CreateIndex
CREATE INDEX "StudySession_learnerId_kind_status_idx" ON "StudySession"("learnerId", "kind", "status");

-- CreateIndex
CREATE INDEX "SrsCard_learnerId_due_idx" ON "SrsCard"("learnerId", "due");

-- CreateIndex
CREATE INDEX "SrsReview_learnerId_reviewedAt_idx" ON "SrsReview"("learnerId", "reviewedAt");

-- CreateIndex
CREATE INDEX "SrsReview_learnerId_skillId_idx" ON "SrsReview"("learnerId", "skillId");

-- AddForeignKey
ALTER TABLE "StudySession" ADD CONSTRAINT "StudySession_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SrsCard" ADD CONSTRAINT "SrsCard_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SrsReview" ADD CONSTRAINT "SrsReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SrsSettings" ADD CONSTRAINT "SrsSettings_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

