-- DropIndex
DROP INDEX "Order_memberId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Order_memberId_id_idx" ON "Order"("memberId", "id");
