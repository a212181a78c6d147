-- data·inclusion import: partners keep their SIRET, the producer and id they came from, its last change, and an archive date.
-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "originId" TEXT,
ADD COLUMN     "originSource" TEXT,
ADD COLUMN     "siret" TEXT,
ADD COLUMN     "sourceUpdatedOn" DATE;

-- CreateIndex
CREATE INDEX "Partner_siret_idx" ON "Partner"("siret");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_originSource_originId_key" ON "Partner"("originSource", "originId");

