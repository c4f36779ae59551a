package server

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowlabs/winnow/classifier"
)

// TestSaveFailure makes the disk fail in the middle of a save: the
// training request fails with a generic 500, and the model served, the
// model file and a restarted server all still have the previous version.
func TestSaveFailure(t *testing.T) {
	cfg := trainingConfig(t)
	var logs syncBuffer
	cfg.Logger = jsonLogger(&logs)
	s := MustOpenServer(t, cfg)
	mustTrain(t, s, trainBody(corrections, nil)) // version 2 on disk
	s.store.save = func(path string, m *classifier.Model) error {
		// What a crash or a full disk leaves: a partial temporary file.
		dir, base := filepath.Split(path)
		f, err := os.CreateTemp(dir, "."+base+".tmp*")
		if err != nil {
			return err
		}
		f.WriteString("winnow-model 1\n\x1f\x8b partial")
		f.Close()
		return errors.New("write: no space left on device")
	}
	r := postJSON(t, s.URL()+"/v1/train", trainBody(corrections, nil), bearer)
	wantError(t, r, 500, codeInternal)
	if strings.Contains(string(r.Body), "space") || !strings.Contains(logs.String(), "no space left") {
		t.Errorf("500 body %s: the cause must be logged, not sent", r.Body)
	}
	if v := modelInfo(t, s).Version; v != 2 {
		t.Errorf("served version %d after a failed save, want 2", v)
	}
	s.store.save = classifier.SaveFile
	s.Close()
	m, err := classifier.LoadFile(cfg.ModelPath)
	if err != nil || m.Info().Version != 2 {
		t.Fatalf("model file after a failed save: %v %+v", err, m.Info())
	}
	s2 := MustOpenServer(t, cfg)
	if v := modelInfo(t, s2).Version; v != 2 {
		t.Errorf("restarted server: version %d, want 2", v)
	}
	// The next successful save still works with the partial file about.
	if got := mustTrain(t, s2, trainBody(corrections, nil)); got.Version != 3 {
		t.Errorf("train after a failed save: version %d", got.Version)
	}
}

// TestKill9DuringSave kills (SIGKILL) a process that is saving new model
// versions in a loop, at several moments, and checks the model file is
// always loadable and the store opens.
func TestKill9DuringSave(t *testing.T) {
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	path := filepath.Join(t.TempDir(), "winnow.model")
	if err := classifier.SaveFile(path, MustSmallModel(t)); err != nil {
		t.Fatal(err)
	}
	for i, delay := range []time.Duration{30, 90, 170, 260} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKill9Helper$")
		cmd.Env = append(os.Environ(), "WINNOW_TEST_SAVE_LOOP="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		m, err := classifier.LoadFile(path)
		if err != nil {
			t.Fatalf("kill %d after %dms: model file not loadable: %v", i, delay, err)
		}
		st, err := OpenStore(path, 0, nil)
		if err != nil || st.Model().Info().Version != m.Info().Version {
			t.Fatalf("kill %d: OpenStore: %v", i, err)
		}
		t.Logf("kill %d after %dms: version %d", i, delay, m.Info().Version)
	}
}

// TestKill9Helper is the process TestKill9DuringSave kills: it trains and
// saves new versions as fast as it can.
func TestKill9Helper(t *testing.T) {
	path := os.Getenv("WINNOW_TEST_SAVE_LOOP")
	if path == "" {
		t.Skip("helper process for TestKill9DuringSave")
	}
	st, err := OpenStore(path, 3, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		_, err := st.Update(func(c *classifier.Counts) error {
			c.Learn(classifier.Sample{Text: fmt.Sprintf("line %d of the save loop", i), Label: classifier.Junk})
			return nil
		}, "save loop")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func TestStoreInMemory(t *testing.T) {
	st, err := OpenStore("", 0, MustSmallModel(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Update(func(*classifier.Counts) error { return nil }, ""); !errors.Is(err, ErrNotPersistent) {
		t.Errorf("Update without a path: %v", err)
	}
	if _, _, err := st.Rollback(0); !errors.Is(err, ErrNotPersistent) {
		t.Errorf("Rollback without a path: %v", err)
	}
	if vs, err := st.Versions(); err != nil || vs != nil {
		t.Errorf("Versions: %v %v", vs, err)
	}
}
