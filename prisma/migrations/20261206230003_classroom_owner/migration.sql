-- CreateTable
CREATE TABLE "ClassroomOwner" (
    "joinCode" TEXT NOT NULL PRIMARY KEY,
    "ownerLearnerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ClassroomOwner_ownerLearnerId_createdAt_idx" ON "ClassroomOwner"("ownerLearnerId", "createdAt");

