package main

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// peInfo is what a release check needs to know about a Windows executable.
type peInfo struct {
	plus      bool // PE32+ (64-bit optional header)
	amd64     bool
	gui       bool // IMAGE_SUBSYSTEM_WINDOWS_GUI: no console window from Explorer
	resources map[uint32][][]byte
}

func readPE(path string) (peInfo, error) {
	f, err := pe.Open(path)
	if err != nil {
		return peInfo{}, err
	}
	defer f.Close()
	info := peInfo{amd64: f.Machine == pe.IMAGE_FILE_MACHINE_AMD64}
	var dir pe.DataDirectory
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		info.plus = true
		info.gui = h.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
		if len(h.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			dir = h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	case *pe.OptionalHeader32:
		info.gui = h.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
		if len(h.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			dir = h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	default:
		return info, errors.New("no optional header")
	}
	if dir.Size == 0 {
		return info, nil
	}
	rsrc, err := atRVA(f, dir.VirtualAddress)
	if err != nil {
		return info, fmt.Errorf("resources: %w", err)
	}
	info.resources, err = resources(f, rsrc)
	return info, err
}

// atRVA returns the image bytes from a relative virtual address to the end of
// its section.
func atRVA(f *pe.File, rva uint32) ([]byte, error) {
	for _, s := range f.Sections {
		if rva >= s.VirtualAddress && rva < s.VirtualAddress+s.VirtualSize {
			data, err := s.Data()
			if err != nil {
				return nil, err
			}
			off := rva - s.VirtualAddress
			if int(off) >= len(data) {
				return nil, fmt.Errorf("RVA %#x past section %s's data", rva, s.Name)
			}
			return data[off:], nil
		}
	}
	return nil, fmt.Errorf("RVA %#x in no section", rva)
}

// resources walks the three-level resource tree (type, name, language) and
// returns each leaf's bytes by type.
func resources(f *pe.File, rsrc []byte) (map[uint32][][]byte, error) {
	out := map[uint32][][]byte{}
	type entry struct{ id, off uint32 }
	entries := func(off uint32) ([]entry, error) {
		if int(off)+16 > len(rsrc) {
			return nil, fmt.Errorf("resource directory at %#x is cut short", off)
		}
		n := int(binary.LittleEndian.Uint16(rsrc[off+12:])) + int(binary.LittleEndian.Uint16(rsrc[off+14:]))
		if int(off)+16+8*n > len(rsrc) {
			return nil, fmt.Errorf("resource directory at %#x is cut short", off)
		}
		es := make([]entry, n)
		for i := range es {
			p := off + 16 + uint32(8*i)
			es[i] = entry{binary.LittleEndian.Uint32(rsrc[p:]), binary.LittleEndian.Uint32(rsrc[p+4:])}
		}
		return es, nil
	}
	var walk func(off uint32, typ uint32, depth int) error
	walk = func(off uint32, typ uint32, depth int) error {
		es, err := entries(off)
		if err != nil {
			return err
		}
		for _, e := range es {
			t := typ
			if depth == 0 {
				t = e.id
			}
			if e.off&0x80000000 != 0 {
				if depth >= 3 {
					return errors.New("resource tree deeper than three levels")
				}
				if err := walk(e.off&0x7fffffff, t, depth+1); err != nil {
					return err
				}
				continue
			}
			if int(e.off)+8 > len(rsrc) {
				return fmt.Errorf("resource data entry at %#x is cut short", e.off)
			}
			rva, size := binary.LittleEndian.Uint32(rsrc[e.off:]), binary.LittleEndian.Uint32(rsrc[e.off+4:])
			data, err := atRVA(f, rva)
			if err != nil {
				return err
			}
			if int(size) > len(data) {
				return fmt.Errorf("resource of type %d runs past its section", t)
			}
			out[t] = append(out[t], data[:size])
		}
		return nil
	}
	return out, walk(0, 0, 0)
}

// icoImages returns the images of an .ico file, which a Windows build embeds
// one RT_ICON resource each.
func icoImages(ico []byte) ([][]byte, error) {
	if len(ico) < 6 || binary.LittleEndian.Uint16(ico[2:]) != 1 {
		return nil, errors.New("not an .ico file")
	}
	n := int(binary.LittleEndian.Uint16(ico[4:]))
	if len(ico) < 6+16*n {
		return nil, errors.New(".ico directory is cut short")
	}
	imgs := make([][]byte, n)
	for i := range imgs {
		e := ico[6+16*i:]
		size, off := binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		if uint64(off)+uint64(size) > uint64(len(ico)) {
			return nil, fmt.Errorf(".ico image %d runs past the file", i+1)
		}
		imgs[i] = ico[off : off+size]
	}
	return imgs, nil
}
