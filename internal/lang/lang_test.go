package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDetect(t *testing.T) {
	// Short news-like sentences written for this test.
	tests := []struct {
		name, text, want string
	}{
		{"english", "The foreign minister said on Tuesday that talks with the neighbouring government would resume after the election, and that both sides had agreed to a ceasefire.", "en"},
		{"english with foreign names", "Olaf Scholz met Emmanuel Macron in Paris on Monday. The two leaders said they would work with the European Commission on the new budget.", "en"},
		{"french", "Le ministre des affaires étrangères a déclaré mardi que les négociations avec le gouvernement voisin reprendraient après les élections, selon un communiqué.", "fr"},
		{"german", "Der Außenminister sagte am Dienstag, dass die Gespräche mit der Regierung des Nachbarlandes nach der Wahl fortgesetzt werden, und er hat auch eine Waffenruhe angekündigt.", "de"},
		{"spanish", "El ministro de asuntos exteriores dijo el martes que las negociaciones con el gobierno vecino se reanudarán después de las elecciones, según un comunicado.", "es"},
		{"italian", "Il ministro degli esteri ha detto martedì che i negoziati con il governo vicino riprenderanno dopo le elezioni, e che le due parti hanno concordato una tregua.", "it"},
		{"portuguese", "O ministro das relações exteriores disse na terça-feira que as negociações com o governo vizinho serão retomadas depois das eleições, segundo um comunicado.", "pt"},
		{"dutch", "De minister van buitenlandse zaken zei dinsdag dat de gesprekken met de regering van het buurland na de verkiezingen worden hervat, en dat er een bestand is.", "nl"},
		{"swedish", "Utrikesministern sade på tisdagen att samtalen med grannlandets regering ska återupptas efter valet, och att de har kommit överens om ett eldupphör.", "sv"},
		{"polish", "Minister spraw zagranicznych powiedział we wtorek, że rozmowy z rządem sąsiedniego kraju zostaną wznowione po wyborach, a obie strony są gotowe do rozejmu.", "pl"},
		{"turkish", "Dışişleri bakanı salı günü yaptığı açıklamada, komşu ülke hükümeti ile görüşmelerin seçimlerden sonra yeniden başlayacağını ve bu konuda çok umutlu olduklarını söyledi.", "tr"},
		{"indonesian", "Menteri luar negeri mengatakan pada hari Selasa bahwa perundingan dengan pemerintah negara tetangga akan dilanjutkan setelah pemilihan umum, dan itu adalah kabar baik.", "id"},
		{"russian", "Министр иностранных дел заявил во вторник, что переговоры с правительством соседней страны возобновятся после выборов.", "ru"},
		{"ukrainian", "Міністр закордонних справ заявив у вівторок, що переговори з урядом сусідньої країни відновляться після виборів.", "uk"},
		{"arabic", "قال وزير الخارجية يوم الثلاثاء إن المحادثات مع حكومة البلد المجاور ستستأنف بعد الانتخابات.", "ar"},
		{"persian", "وزیر امور خارجه روز سه شنبه گفت که گفتگو با دولت کشور همسایه پس از انتخابات از سر گرفته می شود.", "fa"},
		{"chinese", "外交部长星期二表示，与邻国政府的谈判将在选举后恢复，双方已同意停火。", "zh"},
		{"japanese", "外務大臣は火曜日、隣国政府との交渉は選挙の後に再開されると述べた。", "ja"},
		{"korean", "외무장관은 화요일 이웃 나라 정부와의 회담이 선거 후에 재개될 것이라고 말했다.", "ko"},
		{"greek", "Ο υπουργός Εξωτερικών δήλωσε την Τρίτη ότι οι συνομιλίες με την κυβέρνηση της γειτονικής χώρας θα συνεχιστούν.", "el"},
		{"hebrew", "שר החוץ אמר ביום שלישי כי השיחות עם ממשלת המדינה השכנה יחודשו לאחר הבחירות.", "he"},
		{"english quoting russian", "The minister said the talks would resume. \"Переговоры продолжатся,\" he told reporters in Moscow, where he met his counterpart for three hours on Friday and said the two would meet again.", "en"},
		{"too short", "Talks resume.", ""},
		{"numbers", "2016-07-14 12:00 42 17.5 %", ""},
		{"empty", "", ""},
	}
	d := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := d.Detect(tt.text)
			if g.Lang != tt.want {
				t.Errorf("Detect = %+v, want %q", g, tt.want)
			}
			if g.Lang == "" && g.Confidence != 0 || g.Lang != "" && (g.Confidence <= 0.3 || g.Confidence > 1) {
				t.Errorf("confidence %v for %q", g.Confidence, g.Lang)
			}
		})
	}
}

// TestDetectLongText checks that only the start of a long text is read and
// that a cut inside a multi-byte letter does no harm.
func TestDetectLongText(t *testing.T) {
	d := New()
	long := strings.Repeat("Министр заявил, что переговоры возобновятся. ", 2000) + strings.Repeat("The talks resumed on Friday and the two sides said it was good. ", 2000)
	if g := d.Detect(long); g.Lang != "ru" {
		t.Errorf("long text: %+v", g)
	}
	odd := "x" + strings.Repeat("переговоры ", 3000)
	if !utf8.ValidString(odd[:sample]) {
		if g := d.Detect(odd); g.Lang != "ru" {
			t.Errorf("cut inside a letter: %+v", g)
		}
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("The minister said the talks would resume on Friday, and that it was good.")
	f.Add("Le ministre a déclaré que les négociations reprendraient.")
	f.Add("外交部长星期二表示")
	f.Add("\xff\xfe broken")
	d := New()
	f.Fuzz(func(t *testing.T, s string) {
		g := d.Detect(s)
		if g.Confidence < 0 || g.Confidence > 1 || (g.Lang == "") != (g.Confidence == 0) {
			t.Fatalf("Detect(%q) = %+v", s, g)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	d := New()
	text := strings.Repeat("The foreign minister said on Tuesday that talks with the neighbouring government would resume after the election. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}

// TestRepoArticlesAreEnglish runs Detect on the project's own test
// articles (English news written for dyad, as text or HTML): none may be
// taken for another language.
func TestRepoArticlesAreEnglish(t *testing.T) {
	d := New()
	n := 0
	for _, dir := range []string{"../../testdata/articles", "../../testdata/eval"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if ext := filepath.Ext(p); ext != ".txt" && ext != ".html" {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if g := d.Detect(string(b)); g.Lang != "en" {
				t.Errorf("%s: %+v", p, g)
			}
		}
	}
	if n < 5 {
		t.Errorf("only %d articles found", n)
	}
}
