-- data·inclusion import and export: the producer and id a service came from, its last change, a contact name.
-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "originId" TEXT,
ADD COLUMN     "originSource" TEXT,
ADD COLUMN     "sourceUpdatedOn" DATE;

-- CreateIndex
CREATE UNIQUE INDEX "Service_originSource_originId_key" ON "Service"("originSource", "originId");

