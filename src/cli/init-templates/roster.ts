// Template of `roster.csv` written by `asn-audit init`: two fictional ASN with valid NIPs and declared accounts.

// NIP: birth date YYYYMMDD, TMT CPNS YYYYMM, gender 1/2, sequence (domain.md §9.1).
export const ROSTER_TEMPLATE = `nip,name,agency,position,facebook,instagram,x,tiktok
199003152015031002,Andi Wijaya,Dinas Pendidikan Kabupaten Sukamaju,Guru Ahli Pertama,andi.wijaya.guru,@andiwijaya_guru,,
198811042014022001,Rina Kusuma,Dinas Kesehatan Kabupaten Sukamaju,Kepala Seksi Promosi Kesehatan,,rinakusuma.dinkes,@RinaKusuma88,
`;
