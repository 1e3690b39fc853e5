-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "paypalAttempts" INTEGER NOT NULL DEFAULT 0;
