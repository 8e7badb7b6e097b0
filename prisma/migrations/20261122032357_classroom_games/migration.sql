-- CreateTable
CREATE TABLE "ClassroomGame" (
    "joinCode" TEXT NOT NULL PRIMARY KEY,
    "teacherLearnerId" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ClassroomGame_teacherLearnerId_status_idx" ON "ClassroomGame"("teacherLearnerId", "status");

