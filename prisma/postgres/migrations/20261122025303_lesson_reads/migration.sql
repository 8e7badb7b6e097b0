-- CreateTable
CREATE TABLE "LessonRead" (
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LessonRead_pkey" PRIMARY KEY ("learnerId","slug")
);

-- AddForeignKey
ALTER TABLE "LessonRead" ADD CONSTRAINT "LessonRead_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

