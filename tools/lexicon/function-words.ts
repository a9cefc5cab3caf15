// Words that carry no opinion of their own: pronouns, particles, conjunctions, prepositions, auxiliaries, question
// words and their chat spellings (Indonesian, Javanese, Sundanese, and the English of mixed posts). The learner gives
// them no weight. Learned, they only memorised the training posts ("saja" came out as strong derision, "yang" as
// partisan), and a panel reading the evidence could not tell why such a word should count.
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  [
    // pronouns and forms of address
    'saya aku gue gua gw ane sy ak kamu anda kau lu lo loe elo ente situ dia ia beliau mereka kita kami kalian km',
    'dirinya sendiri orang org kalian kowe sampeyan awakmu aing urang maneh',
    // conjunctions, prepositions, relatives
    'yang yg dan dan dgn dengan di ke dari dr untuk utk buat pada pd dalam dlm atas bagi oleh sama ama kepada kpd',
    'antara tentang ttg soal terhadap thd sebagai secara seperti kayak kek macam bagai agar supaya biar',
    'karena karna krn sebab tapi tp tetapi namun atau ataupun serta maupun bahwa kalau kalo klo kl jika jika bila',
    'apabila sehingga hingga sampai sampe sejak selama ketika saat waktu sewaktu sebelum setelah sesudah sambil',
    'lalu terus trs kemudian walau walaupun meski meskipun padahal',
    // particles and fillers
    'lah kah pun sih si dong deh kok ya yah yaa kan nih tuh toh loh lho wah nah eh ah oh kah pula nya mah teh',
    'atuh euy wae ae iku kuwi iki ngono ngene',
    // auxiliaries, aspect, modality, degree
    'sudah sdh udah udh telah akan bakal bisa bs dapat dpt boleh harus hrs mesti perlu mau ingin pengen pingin',
    'sedang lagi lg masih msh belum blm pernah baru tadi nanti dulu sekarang skrg skrng kini',
    'ada adalah ialah merupakan yaitu yakni tidak tdk gak ga gk nggak ngga enggak engga bukan bkn jangan jgn',
    'sangat banget bgt amat sekali paling lebih kurang cukup terlalu agak hanya cuma cuman saja aja doang juga jg',
    'memang emang mmg justru malah bahkan apalagi tentu pasti mungkin jadi jd maka begitu gitu begini gini',
    'semua semuanya setiap tiap banyak sedikit beberapa para segala seluruh',
    // question words
    'apa apakah siapa mana kapan bagaimana gimana gmn kenapa knp mengapa berapa',
    // demonstratives and generic nouns
    'ini itu tersebut sini situ sana hal cara kali tahun thn hari bulan jam kata bilang',
    // English function words of mixed posts
    'the and of to in is are was be it this that with for on at by from as or not but you we they he she',
  ]
    .join(' ')
    .split(/\s+/),
);

// Words that name what a post is about, not how it leans: the economic topics the tweet corpora were gathered
// around (the candidates' salaries, the economy, prices, taxes, debt). Learned, they took the lean of the sample:
// "gaji" came out as strong derision, so praise of a pair's pledge not to take a salary read as an attack on it.
export const TOPIC_WORDS: ReadonlySet<string> = new Set(
  [
    'ekonomi perekonomian ekonomis gaji gajih digaji gajinya penghasilan pendapatan pajak harga kekayaan utang hutang',
    'inflasi listrik bbm anggaran apbn apbd subsidi impor',
  ]
    .join(' ')
    .split(/\s+/),
);
