-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "checkoutKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Order_memberId_checkoutKey_key" ON "Order"("memberId", "checkoutKey");
