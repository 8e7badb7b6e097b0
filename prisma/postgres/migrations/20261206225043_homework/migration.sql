-- CreateTable
CREATE TABLE "Homework" (
    "code" TEXT NOT NULL,
    "teacherLearnerId" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "questionIds" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Homework_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "HomeworkStudent" (
    "code" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HomeworkStudent_pkey" PRIMARY KEY ("code","learnerId")
);

-- CreateTable
CREATE TABLE "HomeworkAnswer" (
    "code" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HomeworkAnswer_pkey" PRIMARY KEY ("code","learnerId","questionIndex")
);

-- CreateIndex
CREATE INDEX "Homework_teacherLearnerId_createdAt_idx" ON "Homework"("teacherLearnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HomeworkStudent_code_nameKey_key" ON "HomeworkStudent"("code", "nameKey");

