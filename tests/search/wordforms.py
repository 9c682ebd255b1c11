"""Indonesian roots and affix combinations for the stemmer parity test and synthetic corpora."""

from __future__ import annotations

ROOTS = """
ajar ambil angkut antar antre atur awas baca bagi bangun bantu banyak baru bayar beli beri
besar bina buat buka buruh cari catat cegah cerdas cetak cipta cuci daftar damai dapat darurat
data datang dengar didik diri dorong duduk dukung edar gali ganti garap gerak gizi guna hadir
hasil hitung hubung hukum hutan ikut ingat insan izin jaga jalan jamin jangkau jawab jemput
jual kabar kaji kawal kelola kembang kenal kerja kirim klaim kumpul kunjung kurang laku lambat
lapor latih layan lindung lintas luas lulus makmur maju mandiri masuk mudah mukim muda nikah
nilai olah pakai pantau pasar pecah peduli pelihara perintah pikir pilih pindah pinjam proses
pusat putus rawat rekam rencana rumah rusak saji salur sampah sapa sehat sejahtera selamat
semai serah sewa siap sidang simpan sinergi suluh sumbang tahan tampung tanam tangan tani
tanggap tanya tarik tata temu terang terap tertib tindak tingkat tolong tulis tunggu ubah
ukur ulang umum urus usaha usul wajib warga wujud akses sekolah kantor desa kota kabupaten
provinsi negeri pustaka penduduk duduk keluarga anak ibu bayi lansia miskin petani nelayan
pangan air listrik jalan jembatan pasien dokter bidan obat vaksin sakit gigi mata jiwa darah
sosial budaya wisata dagang pajak retribusi anggaran belanja modal uang dana kredit bank
koperasi produk kualitas mutu standar informasi teknologi digital aplikasi sistem jaringan
internet telepon pesan surat akta kartu nomor tanda induk sipil catatan kawin cerai mati lahir
pindah datang ternak ikan kebun sawah pupuk benih bibit irigasi banjir bakar gempa longsor
sungai laut pantai hutan udara limbah kompos plastik daur energi surya angin lampu kereta
bus angkot ojek parkir macet polisi hakim jaksa adil aman damai rukun gotong royong musyawarah
mufakat dengar simak baca tulis hafal hitung ajar latih uji nilai raport ijazah beasiswa
gedung ruang kelas guru murid siswa mahasiswa kampus perpus teliti kaji riset temu cipta karya
seni tari lagu musik film foto gambar video siar berita media sosial warta humas opini
""".split()

PREFIXES = ("", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "peny", "ber", "be",
            "ter", "di", "ke", "se", "per", "memper", "diper", "keber", "keter", "pember", "penge")
SUFFIXES = ("", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "annya", "kannya", "inya",
            "kanlah", "ilah", "anlah", "nyalah")


def generated_forms() -> list[str]:
    """Every prefix × root × suffix combination, plus hyphen reduplication, sorted and unique."""
    roots = sorted(set(ROOTS))
    forms = {p + r + s for r in roots for p in PREFIXES for s in SUFFIXES}
    forms |= (
        {f"{r}-{r}" for r in roots} | {f"{r}-{r}an" for r in roots} | {f"ber{r}-{r}" for r in roots}
    )
    return sorted(forms)
