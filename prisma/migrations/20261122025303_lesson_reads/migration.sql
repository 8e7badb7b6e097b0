-- CreateTable
CREATE TABLE "LessonRead" (
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL,

    PRIMARY KEY ("learnerId", "slug"),
    CONSTRAINT "LessonRead_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

