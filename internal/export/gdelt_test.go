package export

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitActor(t *testing.T) {
	tests := []struct {
		code, country string
		want          actorParts
	}{
		{"USAGOV", "USA", actorParts{country: "USA", types: [3]string{"GOV"}}},
		{"USA", "USA", actorParts{country: "USA"}},
		{"AFGGOVTAL", "AFG", actorParts{country: "AFG", group: "TAL", types: [3]string{"GOV"}}},
		{"PSEREBHMS", "PSE", actorParts{country: "PSE", group: "HMS", types: [3]string{"REB"}}},
		{"IGOUNOAGR", "", actorParts{group: "UNO", types: [3]string{"IGO", "AGR"}}},
		{"IGOWSTNAT", "", actorParts{group: "NAT", types: [3]string{"IGO"}}},
		{"IRQMOSSHIMIL", "IRQ", actorParts{country: "IRQ", religion: [2]string{"MOS", "SHI"}, types: [3]string{"MIL"}}},
		{"---GOV", "", actorParts{types: [3]string{"GOV"}}},
		{"", "", actorParts{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, splitActor(tt.code, tt.country), cmp.AllowUnexported(actorParts{})); diff != "" {
			t.Errorf("splitActor(%q, %q) (-want +got):\n%s", tt.code, tt.country, diff)
		}
	}
}

func TestDateColumns(t *testing.T) {
	tests := []struct {
		date string
		want [4]string
	}{
		{"2016-07-14", [4]string{"20160714", "201607", "2016", "2016.6137"}},
		{"2016-07-14T21", [4]string{"20160714", "201607", "2016", "2016.6137"}},
		{"2016-12-31", [4]string{"20161231", "201612", "2016", "2016.9999"}},
		{"2016-03", [4]string{"", "201603", "2016", ""}},
		{"2016-W28", [4]string{"", "", "2016", ""}},
		{"2016", [4]string{"", "", "2016", ""}},
		{"", [4]string{}},
		{"soon", [4]string{}},
	}
	for _, tt := range tests {
		var got [4]string
		got[0], got[1], got[2], got[3] = dateColumns(tt.date)
		if got != tt.want {
			t.Errorf("dateColumns(%q) = %q, want %q", tt.date, got, tt.want)
		}
	}
}
