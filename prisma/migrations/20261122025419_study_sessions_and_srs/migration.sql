-- CreateTable
CREATE TABLE "StudySession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "seed" INTEGER,
    "deadline" DATETIME,
    "status" TEXT NOT NULL,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "StudySession_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SrsCard" (
    "learnerId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("learnerId", "skillId"),
    CONSTRAINT "SrsCard_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SrsReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "rating" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "timeTakenMs" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionSeed" TEXT NOT NULL,
    "predictedRecall" REAL,
    "desiredRetention" REAL NOT NULL,
    "maximumIntervalDays" INTEGER NOT NULL,
    "before" TEXT NOT NULL,
    "nextDue" DATETIME NOT NULL,
    "undoneAt" DATETIME,
    CONSTRAINT "SrsReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SrsSettings" (
    "learnerId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL,
    "newCardsPerDay" INTEGER NOT NULL,
    "maximumIntervalDays" INTEGER NOT NULL,
    CONSTRAINT "SrsSettings_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StudySession_learnerId_kind_status_idx" ON "StudySession"("learnerId", "kind", "status");

-- CreateIndex
CREATE INDEX "SrsCard_learnerId_due_idx" ON "SrsCard"("learnerId", "due");

-- CreateIndex
CREATE INDEX "SrsReview_learnerId_reviewedAt_idx" ON "SrsReview"("learnerId", "reviewedAt");

-- CreateIndex
CREATE INDEX "SrsReview_learnerId_skillId_idx" ON "SrsReview"("learnerId", "skillId");

