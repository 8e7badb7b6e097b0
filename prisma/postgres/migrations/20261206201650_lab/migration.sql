-- CreateTable
CREATE TABLE "Lab" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lab_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Lab_learnerId_updatedAt_idx" ON "Lab"("learnerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Lab_learnerId_name_key" ON "Lab"("learnerId", "name");

-- AddForeignKey
ALTER TABLE "Lab" ADD CONSTRAINT "Lab_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

