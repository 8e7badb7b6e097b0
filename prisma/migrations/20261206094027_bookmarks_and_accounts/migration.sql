-- CreateTable
CREATE TABLE "Bookmark" (
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "difficulty" INTEGER NOT NULL,
    "context" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("learnerId", "questionId"),
    CONSTRAINT "Bookmark_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Account_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInSession" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeen" DATETIME NOT NULL,
    CONSTRAINT "SignInSession_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetiredToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "retiredAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Bookmark_learnerId_createdAt_idx" ON "Bookmark"("learnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Account_learnerId_key" ON "Account"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_username_key" ON "Account"("username");

-- CreateIndex
CREATE INDEX "SignInSession_learnerId_idx" ON "SignInSession"("learnerId");

