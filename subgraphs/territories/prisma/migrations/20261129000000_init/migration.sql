-- Trigram similarity and accent folding for communes(search:).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Epci" (
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Epci_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "Commune" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "postalCodes" TEXT[],
    "population" INTEGER,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "departementCode" TEXT NOT NULL,
    "epciSiren" TEXT,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "Commune_epciSiren_idx" ON "Commune"("epciSiren");

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_epciSiren_fkey" FOREIGN KEY ("epciSiren") REFERENCES "Epci"("siren") ON DELETE SET NULL ON UPDATE CASCADE;

