-- CreateTable
CREATE TABLE "Homework" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "teacherLearnerId" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "questionIds" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HomeworkStudent" (
    "code" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL,

    PRIMARY KEY ("code", "learnerId")
);

-- CreateTable
CREATE TABLE "HomeworkAnswer" (
    "code" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answeredAt" DATETIME NOT NULL,

    PRIMARY KEY ("code", "learnerId", "questionIndex")
);

-- CreateIndex
CREATE INDEX "Homework_teacherLearnerId_createdAt_idx" ON "Homework"("teacherLearnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HomeworkStudent_code_nameKey_key" ON "HomeworkStudent"("code", "nameKey");

