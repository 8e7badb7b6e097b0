-- CreateTable
CREATE TABLE "ClassroomAnswer" (
    "joinCode" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "playerId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,

    PRIMARY KEY ("joinCode", "questionIndex", "playerId")
);

