-- CreateTable
CREATE TABLE "ClassroomAnswer" (
    "joinCode" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "playerId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClassroomAnswer_pkey" PRIMARY KEY ("joinCode","questionIndex","playerId")
);

