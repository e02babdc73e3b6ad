import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { UNIT_ALIASES_MAX, UNIT_NAME_MAX, UNIT_TYPES, UnitType } from '@tdnv/domain';

export class ContactsDto {
  @ApiProperty({ example: ['vanthu@mof.gov.vn'], description: 'Đầu mối theo dõi nhiệm vụ' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  focal!: string[];

  @ApiProperty({ example: ['lanhdao@mof.gov.vn'], description: 'Lãnh đạo cơ quan' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  leader!: string[];

  @ApiPropertyOptional({ description: 'Chỉ với Văn phòng Chính phủ: chuyên viên theo dõi' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  trackingOfficers?: string[];

  @ApiPropertyOptional({ description: 'Chỉ với Văn phòng Chính phủ: lãnh đạo Vụ' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  departmentHead?: string[];
}

/** A unit to add: its form here; what a unit code, name, type and other names may be is the domain's (agency-unit.ts). */
export class UnitDto {
  @ApiProperty({ example: 'BTC-CUC-TH', description: 'Mã đơn vị: chữ in hoa, số, "-" hoặc "_"' })
  @IsString()
  @MaxLength(40)
  code!: string;

  @ApiProperty({ example: 'Cục Tin học và Thống kê tài chính' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(UNIT_NAME_MAX)
  name!: string;

  @ApiPropertyOptional({ enum: UNIT_TYPES, description: 'Loại đơn vị; không nêu thì đoán theo tên (Sở, Cục, Vụ, UBND xã …)' })
  @IsOptional()
  @IsIn(UNIT_TYPES)
  unitType?: UnitType;

  @ApiPropertyOptional({ example: 'Cục Tin học', description: 'Tên ngắn dùng trong danh sách' })
  @IsOptional()
  @IsString()
  @MaxLength(UNIT_NAME_MAX)
  shortName?: string;

  @ApiPropertyOptional({ example: ['Cục THTK'], description: 'Cách viết khác của tên trong văn bản (để nhận diện khi phân tích văn bản)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(UNIT_ALIASES_MAX)
  @IsString({ each: true })
  @MaxLength(UNIT_NAME_MAX, { each: true })
  aliases?: string[];
}
