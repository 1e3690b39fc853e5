-- DropIndex
DROP INDEX "Order_updatedAt_id_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Order_updatedAt_id_key" ON "Order"("updatedAt", "id");
