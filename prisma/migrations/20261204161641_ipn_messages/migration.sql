-- CreateEnum
CREATE TYPE "IpnStatus" AS ENUM ('RECEIVED', 'APPLIED', 'IGNORED', 'INVALID');

-- CreateTable
CREATE TABLE "IpnMessage" (
    "id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "txnId" TEXT,
    "paymentStatus" TEXT,
    "dedupeKey" TEXT,
    "status" "IpnStatus" NOT NULL DEFAULT 'RECEIVED',
    "outcome" TEXT,
    "orderId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "IpnMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IpnMessage_dedupeKey_key" ON "IpnMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "IpnMessage_status_nextAttemptAt_idx" ON "IpnMessage"("status", "nextAttemptAt");
