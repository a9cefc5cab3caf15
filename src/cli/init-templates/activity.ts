// Template of `activity.csv` written by `asn-audit init`: a few rows in the canonical columns, some neutral, some not.

export const ACTIVITY_TEMPLATE = `id,platform,account,nip,timestamp,type,text,target_account,target_text,url,event,location,tags
c001,instagram,andiwijaya_guru,,2024-10-01 08:00,post,Rapat persiapan ujian sekolah bersama para wali kelas.,,,https://www.instagram.com/p/contoh001/,,,
c002,instagram,andiwijaya_guru,,2024-10-05 19:30,post,"Ayo coblos nomor 1, BUANA untuk Sukamaju! #BuanaMenang",,,https://www.instagram.com/p/contoh002/,,,
c003,x,RinaKusuma88,,2024-10-20 21:15,reaction,,budihartono,Kampanye akbar BUANA hari ini di alun-alun,https://x.com/budihartono/status/1000000000000000003,,,
c004,offline,,198811042014022001,2024-11-02 10:00,attendance,Ikut meramaikan kampanye RUSA,,,,Kampanye terbuka Rudi Gunawan - Sari Wulandari,Lapangan Sukamaju,active:cheer
c005,facebook,andi.wijaya.guru,,2024-11-25 07:00,post,Selamat Hari Guru untuk seluruh guru di Sukamaju.,,,https://www.facebook.com/andi.wijaya.guru/posts/1000000000000005,,,
`;
