package news

import (
	"fmt"
	"time"
)

// dateLayouts are the ISO 8601 forms accepted for publication dates.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
}

// ParseDate reads an ISO 8601 date or date-time ("2016-07-15",
// "2016-07-15T09:30:00Z"). A date-time without a zone is taken as UTC.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an ISO 8601 date (want 2016-07-15 or 2016-07-15T09:30:00Z)", s)
}
