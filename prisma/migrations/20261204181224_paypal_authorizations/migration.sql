-- CreateEnum
CREATE TYPE "PayPalPaymentAction" AS ENUM ('SALE', 'AUTHORIZATION');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentAttemptStatus" ADD VALUE 'AUTHORIZED';
ALTER TYPE "PaymentAttemptStatus" ADD VALUE 'VOIDED';

-- AlterTable
ALTER TABLE "PayPalAccount" ADD COLUMN     "paymentAction" "PayPalPaymentAction" NOT NULL DEFAULT 'SALE';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "authorizeOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "paypalAuthorizationId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Payment_paypalAuthorizationId_key" ON "Payment"("paypalAuthorizationId");
