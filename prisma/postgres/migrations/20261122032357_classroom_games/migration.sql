-- CreateTable
CREATE TABLE "ClassroomGame" (
    "joinCode" TEXT NOT NULL,
    "teacherLearnerId" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClassroomGame_pkey" PRIMARY KEY ("joinCode")
);

-- CreateIndex
CREATE INDEX "ClassroomGame_teacherLearnerId_status_idx" ON "ClassroomGame"("teacherLearnerId", "status");

